import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsISO31661Alpha2, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Column } from 'typeorm';
import { IsNestedObject, Optional } from '../validation/fields';

/** A postal address, embedded in leads, partners and contacts as `address_*` columns. */
export class Address {
  @ApiPropertyOptional({ description: 'Number and street.', example: '12 rue de la Paix', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Column('text', { nullable: true })
  street?: string | null;

  @ApiPropertyOptional({ description: 'City.', example: 'Paris', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Column('text', { nullable: true })
  city?: string | null;

  @ApiPropertyOptional({ description: 'Postal code.', example: '75002', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  @Column('text', { nullable: true })
  postalCode?: string | null;

  @ApiPropertyOptional({ description: 'State, region or province.', example: 'Île-de-France', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Column('text', { nullable: true })
  state?: string | null;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 country code, upper-case.', example: 'FR', nullable: true, type: String })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as FR or US' })
  @Column('text', { nullable: true })
  country?: string | null;
}

/** The `address` of a create or update body: an object whose fields given replace the stored ones (null is refused: clear the fields instead). */
export const AddressField = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'Postal address; the fields given replace the stored ones.', type: Address }),
    Optional(),
    IsNestedObject(),
    ValidateNested(),
    Type(() => Address),
  );
