/** The list envelope of the contract. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** false when `total` is the planner's estimate (more than EXACT_COUNT_LIMIT rows match). */
  totalExact: boolean;
}
