-- Per-patient state is rewritten in place by every nightly screen (the as-of date moves) and by ingest: leave room
-- on each page so those updates are HOT (heap-only: no new index entries, less WAL, less bloat), and vacuum the
-- table sooner than the 20 % default so the freed space is reused night after night. Affects pages written from
-- now on; an existing large table picks it up after `VACUUM FULL patient_condition` (or pg_repack) in a quiet hour.
ALTER TABLE patient_condition SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.05);
