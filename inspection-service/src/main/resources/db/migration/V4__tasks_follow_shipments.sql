-- A shipment's filing owns one live task: a re-decision after an amendment supersedes it, a withdrawal or a
-- release after an amendment cancels it (issue 17). Earlier versions could leave several live tasks for one
-- filing; all but the newest are cancelled here so that the rule can hold from now on.
alter table task drop constraint task_status_check;
alter table task add constraint task_status_check check (status in ('OPEN', 'CLAIMED', 'SUBMITTED', 'CANCELLED'));

-- ranked over every status: a live task behind a newer one with an outcome is cancelled too
with ranked as (
    select id, status, row_number() over (partition by filing_id order by filing_version desc, created_at desc) as newest
    from task
), cancelled as (
    update task set status = 'CANCELLED', version = version + 1, updated_at = now()
    where id in (select id from ranked where newest > 1 and status in ('OPEN', 'CLAIMED'))
    returning id
)
insert into task_event (task_id, at, actor, kind, detail)
select id, now(), 'migration', 'CANCELLED', 'superseded by a newer task for the same filing' from cancelled;

create unique index task_one_live_per_filing on task (filing_id) where status in ('OPEN', 'CLAIMED');
create index task_filing on task (filing_id, filing_version desc);
