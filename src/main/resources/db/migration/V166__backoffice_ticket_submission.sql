-- A ticket can also come from an online application (applications' SubmissionReceived): then it has no contact
-- but the submission, once (the listener may get the same event again after a crash).
alter table backoffice_ticket alter column contact_id drop not null;
alter table backoffice_ticket add column submission_id uuid;
alter table backoffice_ticket add constraint uk_backoffice_ticket_submission unique (submission_id);
