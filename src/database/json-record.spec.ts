import { jsonRecord } from './json-record';

describe('jsonRecord', () => {
  const contact = jsonRecord({
    id: ['c.id', 'uuid'],
    firstName: ['c.first_name', 'text'],
    archived: ['c.archived_at IS NOT NULL', 'boolean'],
  });

  it('builds the object and the reader’s column list from the same keys, in order', () => {
    expect(contact.object).toBe(
      "json_build_object('id', c.id, 'firstName', c.first_name, 'archived', c.archived_at IS NOT NULL)",
    );
    expect(contact.columns).toBe('"id" uuid, "firstName" text, "archived" boolean');
  });

  it.each(['first_name', 'has space', "o'clock", '', '1st'])('refuses the key %p', (key) => {
    expect(() => jsonRecord({ [key]: ['x', 'text'] })).toThrow(/not a plain JSON record key/);
  });
});
