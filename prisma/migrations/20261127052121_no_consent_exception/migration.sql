-- AlterEnum
ALTER TYPE "ExceptionKind" ADD VALUE 'NO_CONSENT';

