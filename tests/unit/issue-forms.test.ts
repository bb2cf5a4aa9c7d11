/**
 * The repository's issue forms follow GitHub's form schema (Syntax for issue
 * forms, docs.github.com): GitHub refuses a form that breaks it and shows a
 * blank issue instead, which no CI run would notice. Checked here: the
 * top-level keys, each element's type, id and attributes, unique ids and
 * labels, dropdown and checkbox options, and `validations` only where allowed.
 * The forms the site links to exist under the names it gives them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ISSUE_FORMS, issueFormUrl } from '../../src/atlas/outputs/issue-forms.ts';
import { siteSchema } from '../../src/schema/site.ts';

const FOLDER = '.github/ISSUE_TEMPLATE';
const ELEMENT_TYPES = ['markdown', 'input', 'textarea', 'dropdown', 'checkboxes'];
const TOP_LEVEL = ['name', 'description', 'title', 'labels', 'assignees', 'projects', 'type', 'body'];

type Element = { type: string; id?: string; attributes: Record<string, unknown>; validations?: Record<string, unknown> };
type Form = { name: string; description: string; body: Element[] } & Record<string, unknown>;

const forms = readdirSync(FOLDER)
  .filter((file) => /\.ya?ml$/.test(file) && !/^config\.ya?ml$/.test(file))
  .map((file) => ({ file, form: parse(readFileSync(join(FOLDER, file), 'utf8')) as Form }));

/** Every way an issue form breaks GitHub's form schema, as "where: what". */
function formProblems(form: Form): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(form)) if (!TOP_LEVEL.includes(key)) problems.push(`${key}: not a top-level key of an issue form`);
  for (const key of ['name', 'description'] as const) if (typeof form[key] !== 'string' || !form[key]) problems.push(`${key}: required text`);
  if (!Array.isArray(form.body) || !form.body.length) return [...problems, 'body: required, a list of elements'];
  if (form.body.every((e) => e.type === 'markdown')) problems.push('body: needs at least one field that is not markdown');
  const ids = new Set<string>();
  const labels = new Set<string>();
  form.body.forEach((element, i) => {
    const at = `body[${i}]`;
    if (!ELEMENT_TYPES.includes(element.type)) problems.push(`${at}.type: one of ${ELEMENT_TYPES.join(', ')}, found ${element.type}`);
    const attributes = element.attributes ?? {};
    if (element.type === 'markdown') {
      if (typeof attributes['value'] !== 'string' || !attributes['value']) problems.push(`${at}.attributes.value: required for markdown`);
      if (element.id !== undefined) problems.push(`${at}.id: not allowed on markdown`);
      if (element.validations !== undefined) problems.push(`${at}.validations: not allowed on markdown`);
      return;
    }
    if (element.id !== undefined) {
      if (!/^[A-Za-z0-9_-]+$/.test(element.id)) problems.push(`${at}.id: letters, digits, - and _ only, found ${element.id}`);
      if (ids.has(element.id)) problems.push(`${at}.id: ${element.id} used twice`);
      ids.add(element.id);
    }
    const label = attributes['label'];
    if (typeof label !== 'string' || !label) problems.push(`${at}.attributes.label: required`);
    else if (labels.has(label)) problems.push(`${at}.attributes.label: "${label}" used twice`);
    else labels.add(label);
    for (const key of Object.keys(element.validations ?? {})) if (key !== 'required') problems.push(`${at}.validations.${key}: only "required" is allowed`);
    if (element.validations && typeof element.validations['required'] !== 'boolean') problems.push(`${at}.validations.required: true or false`);
    const options = attributes['options'];
    if (element.type === 'dropdown') {
      if (!Array.isArray(options) || !options.length || !options.every((o) => typeof o === 'string' && o)) problems.push(`${at}.attributes.options: a list of text`);
      else if (new Set(options).size !== options.length) problems.push(`${at}.attributes.options: each once`);
      else if (options.some((o) => String(o).toLowerCase() === 'none')) problems.push(`${at}.attributes.options: "None" is reserved by GitHub`);
    }
    if (element.type === 'checkboxes' && (!Array.isArray(options) || !options.length || !options.every((o) => typeof o?.label === 'string' && o.label))) {
      problems.push(`${at}.attributes.options: a list of { label }`);
    }
  });
  return problems;
}

describe('the issue forms', () => {
  it('follow GitHub’s form schema', () => {
    expect(forms.map((f) => f.file).sort()).toEqual(Object.values(ISSUE_FORMS).map((f) => f.file).sort());
    for (const { file, form } of forms) expect(formProblems(form), file).toEqual([]);
  });

  it('would catch a form GitHub refuses', () => {
    const broken: Form = {
      name: 'x',
      description: 'y',
      body: [
        { type: 'markdown', id: 'intro', attributes: { value: 'Hi' } },
        { type: 'input', id: 'a b', attributes: { label: 'Same' }, validations: { required: 'yes' } },
        { type: 'dropdown', id: 'c', attributes: { label: 'Same', options: ['None'] } },
        { type: 'select', attributes: { label: 'Other' } },
      ],
    };
    expect(formProblems(broken)).toEqual([
      'body[0].id: not allowed on markdown',
      'body[1].id: letters, digits, - and _ only, found a b',
      'body[1].validations.required: true or false',
      'body[2].attributes.label: "Same" used twice',
      'body[2].attributes.options: "None" is reserved by GitHub',
      'body[3].type: one of markdown, input, textarea, dropdown, checkboxes, found select',
    ]);
  });

  it('asks a platform or document request for the platform, the document type and where it is published', () => {
    const request = forms.find((f) => f.file === ISSUE_FORMS.request.file)?.form;
    expect(request?.name).toBe(ISSUE_FORMS.request.name);
    const required = request?.body.filter((e) => e.validations?.['required'] === true).map((e) => e.id);
    expect(required).toEqual(['platform', 'document-type', 'source-url']);
    const types = request?.body.find((e) => e.id === 'document-type')?.attributes['options'];
    expect(types).toEqual(expect.arrayContaining(['Privacy Policy', 'Terms of Service', 'Other']));
  });

  it('names each form the site links to as its file does', () => {
    for (const { file, name } of Object.values(ISSUE_FORMS)) expect(forms.find((f) => f.file === file)?.form.name, file).toBe(name);
  });
});

describe('issueFormUrl', () => {
  it('opens the form on the repository site.yaml names, and is undefined without one', () => {
    expect(issueFormUrl({ repository: 'https://github.com/example/atlas' }, 'request')).toBe('https://github.com/example/atlas/issues/new?template=request.yml');
    expect(issueFormUrl({}, 'request')).toBeUndefined();
  });

  it('accepts only a GitHub repository address in site.yaml', () => {
    const site = { name: 'A', tagline: 'B', url: 'https://a.example', id_prefix: 'AB', publisher: 'C' };
    expect(siteSchema.safeParse({ ...site, repository: 'https://github.com/example/atlas' }).success).toBe(true);
    expect(siteSchema.safeParse(site).success).toBe(true);
    for (const repository of ['https://gitlab.com/example/atlas', 'https://github.com/example', 'https://github.com/example/atlas/issues', 'javascript:alert(1)']) {
      expect(siteSchema.safeParse({ ...site, repository }).success, repository).toBe(false);
    }
  });
});
