import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Contact } from '../../contacts';
import { Lead } from '../../leads';
import { Partner } from '../../partners';
import { EXAMPLE_ID } from '../../../platform/openapi/examples';
import { DUPLICATE_ENTITIES, type DuplicateEntity } from '../duplicate-entities';

const entityProperty = (description: string) => ApiProperty({ description, enum: DUPLICATE_ENTITIES, example: 'partners' });
const isEntity = () => IsIn(DUPLICATE_ENTITIES, { message: `entity must be one of ${DUPLICATE_ENTITIES.join(', ')}` });

const RECORD_EXAMPLE = { id: EXAMPLE_ID, kind: 'company', name: 'Acme SARL', email: 'contact@acme.com', version: 3 };

/** A lead, a partner or a contact, as the entity's own endpoints answer it. */
const ANY_RECORD = { oneOf: [{ $ref: getSchemaPath(Lead) }, { $ref: getSchemaPath(Partner) }, { $ref: getSchemaPath(Contact) }] };

export class SearchDuplicatesDto {
  @entityProperty('Which records to look among.')
  @isEntity()
  entity: DuplicateEntity;

  @ApiProperty({
    description:
      'The fields to compare; records group when every field both have agrees. ' +
      'leads: name, firstName, lastName, companyName, email, phone, mobilePhone, website, city, postalCode; ' +
      'partners: name, firstName, email, phone, mobilePhone, website, city, postalCode; ' +
      'contacts: name, firstName, lastName, email, phone, mobilePhone, city, postalCode. Another field: 400.',
    type: [String],
    example: ['name', 'email'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  fields: string[];

  @ApiPropertyOptional({ description: 'At most this many groups, best first (default 100).', minimum: 1, maximum: 500, example: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class DuplicateGroupView {
  @ApiProperty({ description: 'How alike the records are, 0 to 1: 1 when every field compared is the same once normalised.', example: 0.925 })
  score: number;

  @ApiProperty({
    description: 'The records of the group (of the entity searched), oldest first.',
    type: 'array',
    items: ANY_RECORD,
    example: [RECORD_EXAMPLE, { ...RECORD_EXAMPLE, name: 'ACME S.A.R.L.', email: 'Contact+crm@acme.com' }],
  })
  records: Array<Lead | Partner | Contact>;
}

export class DuplicateSearchResult {
  @ApiProperty({ description: 'The groups found, best first.', type: [DuplicateGroupView], example: [{ score: 1, records: [RECORD_EXAMPLE] }] })
  groups: DuplicateGroupView[];

  @ApiProperty({ description: 'How many groups there are in all (more than `groups` holds when the limit cut them).', example: 3 })
  total: number;
}

const queryText = (description: string, example: string) => (target: object, key: string) => {
  ApiPropertyOptional({ description, example })(target, key);
  IsOptional()(target, key);
  IsString()(target, key);
  MaxLength(200)(target, key);
};

export class SimilarRecordsQuery {
  @entityProperty('Which records to look among.')
  @isEntity()
  entity: DuplicateEntity;

  @queryText('Partner name; for leads and contacts, the full name.', 'Acme')
  name?: string;

  @queryText('First name.', 'Jane')
  firstName?: string;

  @queryText('Last name (leads, contacts).', 'Doe')
  lastName?: string;

  @queryText('Company name (leads).', 'Acme SARL')
  companyName?: string;

  @queryText('Email address.', 'contact@acme.com')
  email?: string;

  @queryText('Phone.', '01 23 45 67 89')
  phone?: string;

  @queryText('Mobile phone.', '06 12 34 56 78')
  mobilePhone?: string;

  @queryText('Web site (leads, partners).', 'www.acme.com')
  website?: string;

  @ApiPropertyOptional({ description: 'A record not to answer (the one being edited).', format: 'uuid', example: EXAMPLE_ID })
  @IsOptional()
  @IsUUID()
  excludeId?: string;

  @ApiPropertyOptional({ description: 'At most this many records (default 5).', minimum: 1, maximum: 20, example: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit?: number;
}

export class SimilarRecordView {
  @ApiProperty({ description: 'How alike, 0 to 1.', example: 0.85 })
  score: number;

  @ApiProperty({ description: 'The existing record (of the entity asked about).', ...ANY_RECORD, example: RECORD_EXAMPLE })
  record: Lead | Partner | Contact;
}

export class SimilarRecordsResult {
  @ApiProperty({
    description: 'Existing records that look like the one being typed, best first; empty when none does.',
    type: [SimilarRecordView],
    example: [{ score: 0.85, record: RECORD_EXAMPLE }],
  })
  items: SimilarRecordView[];
}

export class MergeDuplicatesDto {
  @entityProperty('The kind of records merged.')
  @isEntity()
  entity: DuplicateEntity;

  @ApiProperty({ description: 'The record that stays.', format: 'uuid', example: EXAMPLE_ID })
  @IsUUID()
  keepId: string;

  @ApiProperty({
    description: 'The records merged into it and then deleted (1 to 20, not the kept one).',
    type: [String],
    format: 'uuid',
    example: [EXAMPLE_ID],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mergeIds: string[];

  @ApiPropertyOptional({
    description:
      'Values the kept record is to have, as in an update of the entity (`{"email": "..."}`); a field not given keeps the kept record\'s value, filled from the merged records (in `mergeIds` order) where it is empty. Flags (prospect, customer, supplier, do-not-call, do-not-email) are united.',
    type: 'object',
    additionalProperties: true,
    example: { name: 'Acme', email: 'contact@acme.com' },
  })
  @IsOptional()
  @IsObject()
  values?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'The version of each record as you saw it (`{"<id>": 3}`): one changed since answers 409 and nothing is merged.',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { [EXAMPLE_ID]: 3 },
  })
  @IsOptional()
  @IsObject()
  versions?: Record<string, number>;
}
