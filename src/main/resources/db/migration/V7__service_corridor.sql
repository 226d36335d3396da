-- Stepwise schema, version 7: the service's expected-recovery ranges (export-format.md "Corridor file"),
-- imported by the practitioner. One row at most: the file exactly as it was verified on import (so it can
-- be verified again when it is read, by the same reader), the service it is for, when it was written, its
-- name when imported and when it was imported. It holds percentiles and counts of at least 30 only: no
-- pseudonym, no patient. A newer file replaces the row whole. Stands alone: no other table changes.
CREATE TABLE service_corridor (
    id              INTEGER      NOT NULL PRIMARY KEY,
    content         VARBINARY(4194304) NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    service_code    VARCHAR(12)  NOT NULL,
    generated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_corridor_single_row CHECK (id = 1),
    CONSTRAINT service_corridor_service_code CHECK (REGEXP_LIKE(service_code, '^[A-Z0-9]{2,12}$')),
    CONSTRAINT service_corridor_sha256 CHECK (REGEXP_LIKE(sha256, '^[0-9a-f]{64}$')),
    CONSTRAINT service_corridor_not_empty CHECK (OCTET_LENGTH(content) > 0)
);
