-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "CalendarDaySource" AS ENUM ('PACKAGE', 'ADMIN');

-- CreateTable
CREATE TABLE "WorkingCalendarDay" (
    "day" TEXT NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "source" "CalendarDaySource" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkingCalendarDay_pkey" PRIMARY KEY ("day")
);


-- A civil date, so the web, the worker and the admin page compare days as text.
ALTER TABLE "WorkingCalendarDay" ADD CONSTRAINT "WorkingCalendarDay_day_check" CHECK ("day" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
