-- The offices' "done" tab (staff/tasks): an office's finished department steps, soonest due
-- first. With 100,000 cases stored an office has some 33,000 of them, and each page sorted them
-- all (the status is one of four, so no index gave the order). This partial index holds only the
-- tab's rows, in the page's order: a page is the first rows of an index scan, and the tab's count
-- an index-only scan of it. The query repeats this WHERE with literals (web/server/staff/list-tasks.ts):
-- PostgreSQL matches a partial index only to a predicate it can prove at planning time.
CREATE INDEX "ApplicationStep_office_done_idx" ON "ApplicationStep" ("departmentCode", "dueAt", "applicationId", "key")
  WHERE "kind" = 'DEPARTMENT' AND "status" IN ('DONE', 'REJECTED', 'REVOKED', 'CANCELLED') AND "startedAt" IS NOT NULL;
