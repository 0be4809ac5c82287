/** A sample record id for the OpenAPI document. */
export const EXAMPLE_ID = '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41';
