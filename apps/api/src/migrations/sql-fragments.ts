// Column lists several migrations use. Landed migrations depend on them:
// never change one; add a new fragment instead.

/** The columns every record has (contract: createdAt, updatedAt, createdById, version). */
export const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by_id uuid,
        version integer NOT NULL DEFAULT 1`;

/** A postal address embedded as address_* columns (the Address class). */
export const ADDRESS_COLUMNS = `address_street text,
        address_city text,
        address_postal_code text,
        address_state text,
        address_country text`;
