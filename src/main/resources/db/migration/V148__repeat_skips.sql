-- Days a series skips (a holiday, a closed kitchen): the local days of coming occurrences a person took out of the
-- series. The post that would fall on such a day is not made; the series goes on with the next. Carried from each
-- occurrence's row to the next while the day is still ahead.
alter table post_repeats add column skipped date[] not null default '{}'::date[]
    check (cardinality(skipped) <= 100);
