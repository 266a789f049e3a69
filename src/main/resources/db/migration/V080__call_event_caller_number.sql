-- The caller's number as received in the INVITE's From (null when the caller withheld it); written with
-- CALL_OFFERED, so the contact desk can show earlier contacts of the same number. Privacy retention anonymises
-- it (sets it null) without touching the event's timing.
alter table call_event add column caller_number varchar(64);
