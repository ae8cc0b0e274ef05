#!/usr/bin/env bash
# Runs once, when the postgres container starts on an empty data volume (docker-entrypoint-initdb.d).
# One database per service, each owned by its own login role: a service can neither read nor migrate another's data.
# Passwords come from the environment (RECERT_<SERVICE>_DB_PASSWORD); docker-compose.yml gives local defaults.
set -euo pipefail

create_service_database() {
    local name="$1" password="$2"
    if [ -z "$password" ]; then
        echo "recert-initdb: no password for role $name" >&2
        exit 1
    fi
    # psql variables (:'pw', :"name") quote the values, so a password may contain any character.
    psql --set=ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
         --set=name="$name" --set=pw="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'name') \gexec
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
    # Flyway creates its tables in the public schema, which the owning role must own (PostgreSQL 15+ no longer
    # lets every role create there).
    psql --set=ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$name" --set=name="$name" <<'SQL'
ALTER SCHEMA public OWNER TO :"name";
SQL
    echo "recert-initdb: database $name ready"
}

create_service_database catalog "${RECERT_CATALOG_DB_PASSWORD:-}"
create_service_database credits "${RECERT_CREDITS_DB_PASSWORD:-}"
create_service_database compliance "${RECERT_COMPLIANCE_DB_PASSWORD:-}"
create_service_database notifications "${RECERT_NOTIFICATIONS_DB_PASSWORD:-}"
