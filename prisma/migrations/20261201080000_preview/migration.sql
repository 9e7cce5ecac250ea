-- The preview (issue 13, item 5): a case waits for the citizen to confirm the records retrieved for her.
ALTER TYPE "ApplicationStatus" ADD VALUE 'AWAITING_CONFIRMATION' AFTER 'RECORDS_READY';
