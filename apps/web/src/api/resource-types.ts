import type { paths } from './schema';

type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type OkBody<Op> = Op extends { responses: { 200: infer R } } ? JsonBody<R> : never;
type CreatedBody<Op> = Op extends { responses: { 201: infer R } } ? JsonBody<R> : never;
type RequestBody<Op> = Op extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

/** Collection paths whose GET answers the list envelope `{items, total, ...}`. */
export type ListPath = {
  [P in keyof paths]: paths[P] extends { get: infer Op } ? (OkBody<Op> extends { items: unknown[] } ? P : never) : never;
}[keyof paths];

export type ListRow<P extends ListPath> = OkBody<paths[P]['get']> extends { items: (infer Row)[] } ? Row : never;

/** The list envelope of the contract. */
export interface Page<Row> {
  items: Row[];
  total: number;
  page: number;
  pageSize: number;
  /** false when `total` is the API's estimate (very large lists). */
  totalExact: boolean;
}

/** Collections that also take POST (create) and have `/{id}` with PATCH and DELETE. */
export type CollectionPath = {
  [P in ListPath]: `${P}/{id}` extends keyof paths ? (paths[P] extends { post: object } ? P : never) : never;
}[ListPath];

export type RecordPath<P extends CollectionPath> = `${P}/{id}`;
export type RecordOf<P extends CollectionPath> = OkBody<paths[RecordPath<P>]['get']>;
export type CreateBody<P extends CollectionPath> = RequestBody<paths[P]['post']>;
export type UpdateBody<P extends CollectionPath> = RequestBody<paths[RecordPath<P>]['patch']>;
export type CreatedRecord<P extends CollectionPath> = CreatedBody<paths[P]['post']>;

/** What every list request takes; per-resource filters are added by name. */
export interface ListQuery {
  q?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
  [filter: string]: string | number | boolean | undefined;
}

/** Lists whose rows have a `name`: the ones a select can offer. */
export type NamedListPath = {
  [P in ListPath]: ListRow<P> extends { id: string; name: string } ? P : never;
}[ListPath];

/** Collections whose records have a timeline (`{path}/{id}/timeline`). */
export type TimelinePath = {
  [P in CollectionPath]: `${P}/{id}/timeline` extends keyof paths ? P : never;
}[CollectionPath];

/** Collections whose records can be emailed (`POST {path}/{id}/emails`). */
export type EmailPath = {
  [P in CollectionPath]: `${P}/{id}/emails` extends keyof paths ? P : never;
}[CollectionPath];
