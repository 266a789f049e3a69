-- The back office's deadline comes from the cooperation agreement (in service hours; the 115 promise of 24 is the
-- default), and escalations go to the department's lead besides the ServiceCenter's supervisors.
alter table cooperation_agreement add column callback_deadline_hours integer default 24 not null;
alter table department add column lead_email varchar(320);
