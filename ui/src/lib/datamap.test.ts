import { describe, expect, it } from 'vitest';
import { DATA_MAP } from '../test/fixtures';
import {
  MAPPABLE_ROLES,
  addCategory,
  addRecipient,
  editCopy,
  english,
  mapProblem,
  newId,
  otherLanguages,
  removeCategory,
  removeRecipient,
  sameMap,
  setMember,
  setRoleCategory,
} from './datamap';

describe('editing a copy of the data map', () => {
  it('never changes the loaded map', () => {
    const loaded = structuredClone(DATA_MAP);
    const edit = editCopy(loaded);
    edit.categories[0].label.en = 'Changed';
    edit.recipients[0].disclosed.push('inferences');
    addRecipient(edit, 'Acme');
    expect(loaded).toEqual(DATA_MAP);
    expect(sameMap(loaded, edit)).toBe(false);
  });

  it('compares maps by content, whatever the order of keys', () => {
    const a = editCopy(DATA_MAP);
    const b = editCopy(DATA_MAP);
    delete b.role_categories.email;
    b.role_categories.email = 'contact_details';
    expect(Object.keys(a.role_categories)).not.toEqual(Object.keys(b.role_categories));
    expect(sameMap(a, b)).toBe(true);
    b.categories[1].sold = true;
    expect(sameMap(a, b)).toBe(false);
  });
});

describe('texts in several languages', () => {
  it('edits English and lists the kept translations in the letters’ order', () => {
    expect(english({ en: 'Identifiers', es: 'Identificadores' })).toBe('Identifiers');
    expect(english({ es: 'solo' })).toBe('');
    expect(otherLanguages({ fr: 'Identifiants', en: 'Identifiers', es: 'Identificadores', de: '', it: 'Identificativi' })).toEqual([
      ['es', 'Identificadores'],
      ['fr', 'Identifiants'],
      ['it', 'Identificativi'],
    ]);
  });
});

describe('adding and removing', () => {
  it('makes ids from names, unlike any taken', () => {
    expect(newId('Google Analytics', [], 'recipient')).toBe('google_analytics');
    expect(newId('Société Générale', [], 'recipient')).toBe('societe_generale');
    expect(newId('  ', [], 'recipient')).toBe('recipient');
    expect(newId('ZoomInfo', ['zoominfo', 'zoominfo_2'], 'recipient')).toBe('zoominfo_3');
  });

  it('adds a recipient of the first kind, receiving nothing yet, and removes it', () => {
    const map = editCopy(DATA_MAP);
    const id = addRecipient(map, ' Google Analytics ');
    expect(id).toBe('google_analytics_2');
    expect(map.recipients.at(-1)).toEqual({
      id,
      name: 'Google Analytics',
      kind: 'service_provider',
      purpose: '',
      country: '',
      safeguard: '',
      contact: '',
      disclosed: [],
      sold: [],
    });
    removeRecipient(map, id);
    expect(sameMap(map, DATA_MAP)).toBe(true);
  });

  it('adds a category with an English label, and removing one drops every reference to it', () => {
    const map = editCopy(DATA_MAP);
    expect(addCategory(map, 'Health data')).toBe('health_data');
    expect(map.categories.at(-1)).toMatchObject({ id: 'health_data', label: { en: 'Health data' }, sold: false, disclosed: false });
    map.column_categories['crm/Notes'] = 'identifiers';
    removeCategory(map, 'identifiers');
    expect(map.categories.map((c) => c.id)).toEqual(['contact_details', 'inferences', 'health_data']);
    expect(map.recipients.map((r) => [r.disclosed, r.sold])).toEqual([
      [[], []],
      [['contact_details'], []],
    ]);
    expect(map.role_categories).toEqual({ email: 'contact_details', other: 'inferences' });
    expect(map.column_categories).toEqual({});
  });

  it('ticks a category in or out, keeping the map’s order', () => {
    const order = ['identifiers', 'contact_details', 'inferences'];
    expect(setMember(['inferences'], 'identifiers', true, order)).toEqual(['identifiers', 'inferences']);
    expect(setMember(['identifiers', 'inferences'], 'identifiers', false, order)).toEqual(['inferences']);
    expect(setMember(['identifiers'], 'identifiers', true, order)).toEqual(['identifiers']);
    expect(setMember(['gone'], 'inferences', true, order)).toEqual(['inferences', 'gone']);
  });

  it('maps a column role to a category or to none; someone else’s data is never mapped', () => {
    const map = editCopy(DATA_MAP);
    setRoleCategory(map, 'phone', 'contact_details');
    setRoleCategory(map, 'other', '');
    expect(map.role_categories).toEqual({ email: 'contact_details', person_name: 'identifiers', phone: 'contact_details' });
    expect(MAPPABLE_ROLES).not.toContain('other_person_name');
    expect(MAPPABLE_ROLES).not.toContain('other_person_email');
    expect(MAPPABLE_ROLES).not.toContain('other_person_phone');
    expect(MAPPABLE_ROLES).toContain('email');
    expect(MAPPABLE_ROLES).toHaveLength(14);
  });
});

describe('before saving', () => {
  it('asks for English labels, names and a note; the backend checks the rest', () => {
    const map = editCopy(DATA_MAP);
    expect(mapProblem(map, 'Added ZoomInfo')).toBeNull();
    expect(mapProblem(map, '  ')).toMatch(/what changed/);
    map.recipients[1].name = ' ';
    expect(mapProblem(map, 'x')).toBe('The recipient “zoominfo” needs a name.');
    map.categories[0].label.en = '';
    expect(mapProblem(map, 'x')).toBe('The category “identifiers” needs an English label.');
  });
});
