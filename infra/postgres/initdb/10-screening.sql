-- Role and database for Screening. Idempotent; run as a superuser through psql (\gexec).
-- Used by infra/services.sh (Debian packages) and mounted into the postgres:15 container
-- (docker-compose.yml, /docker-entrypoint-initdb.d) so both paths provision the same thing.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'screening') THEN
    CREATE ROLE screening LOGIN CREATEDB PASSWORD 'screening';
  ELSE
    ALTER ROLE screening LOGIN CREATEDB PASSWORD 'screening';
  END IF;
END
$$;
-- Tests create and drop a database per test class (DROP DATABASE … WITH (FORCE)); an autovacuum worker in that
-- database can only be terminated by a member of pg_signal_backend.
GRANT pg_signal_backend TO screening;
-- UTF8 + C.UTF-8 explicitly: a cluster initdb'ed without a locale would otherwise give SQL_ASCII.
SELECT 'CREATE DATABASE screening OWNER screening TEMPLATE template0 ENCODING ''UTF8'' LC_COLLATE ''C.UTF-8'' LC_CTYPE ''C.UTF-8'''
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'screening')\gexec
