-- The demo's replay of Artland's trial phase (planning): one row per replayed day, written after its call events
-- are in telephony's log (imported_at) and again once its contacts are documented (documented_at), so a replay
-- cut short continues where it stopped and a finished day is never replayed twice.
create table planning_trial_day (
    trial_day      date primary key,
    calls          integer not null,
    imported_at    timestamp(3) with time zone not null,
    documented_at  timestamp(3) with time zone
);
