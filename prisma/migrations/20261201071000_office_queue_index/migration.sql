-- The offices' task queues (staff/tasks): each tab counts an office's department steps and
-- reads one page of them, soonest due first. With 100,000 cases stored, the "done" tab's count
-- read some 33,000 heap rows per office (the step's startedAt is in its filter). This index
-- carries the page's order columns and startedAt, so counts and pages are index-only scans
-- (the count about 5× faster in `npm run bench:scale`). It covers the earlier index's columns
-- as its prefix, so that one goes.
CREATE INDEX "ApplicationStep_office_queue_idx" ON "ApplicationStep" ("departmentCode", "kind", "status", "dueAt", "applicationId", "key") INCLUDE ("startedAt");
DROP INDEX "ApplicationStep_departmentCode_kind_status_dueAt_idx";
