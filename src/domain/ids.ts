/** Row ids are random UUIDs made on the device, so rows can be created offline on any device. */
export function newId(): string {
  return crypto.randomUUID();
}
