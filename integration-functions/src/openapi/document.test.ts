import { validate, compileErrors } from '@readme/openapi-parser';
import { API_ROUTES } from '@eer/contract';
import type { OpenAPIV3 } from 'openapi-types';
import { openApiDocument } from './document';

describe('OpenAPI document', () => {
  const doc = openApiDocument({ serverUrl: 'https://eer122.example/api', version: '1.2.3' });

  it('is a valid OpenAPI 3.0 document (checked by @readme/openapi-parser)', async () => {
    const result = await validate(structuredClone(doc) as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.specification).toBe('OpenAPI');
    // the validator does catch a broken document: a response without a description
    const broken = structuredClone(doc);
    delete (broken.paths['/districts']!.get!.responses['200'] as Partial<OpenAPIV3.ResponseObject>).description;
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it('has every contract route with its key as operationId, a tag and an English summary', () => {
    for (const [name, def] of Object.entries(API_ROUTES)) {
      const op = doc.paths[`/${def.route}`]?.[def.method.toLowerCase() as OpenAPIV3.HttpMethods] as OpenAPIV3.OperationObject;
      expect([name, op?.operationId]).toEqual([name, name]);
      expect(op.tags?.length).toBe(1);
      expect(op.summary).toMatch(/^[A-Z][\x20-\x7e’]+$/);
    }
  });

  it('secures operator routes with the bearer scheme, answers errors with ErrorBody', () => {
    const book = doc.paths['/bookings']!.post!;
    expect(book.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(book.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '409', '503', '504']));
    expect((book.responses['409'] as OpenAPIV3.ResponseObject).content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    expect(doc.paths['/health']!.get!.security).toEqual([]);
    expect(doc.components!.securitySchemes!.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(Object.keys(doc.paths['/home-visits']!.post!.responses)).toContain('422');
  });

  it('puts path and query schemas into parameters, bodies as input, files as binary', () => {
    const hours = doc.paths['/organisations/{id}/hours']!.get!;
    expect(hours.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    const exportOp = doc.paths['/schedule/export']!.get!;
    const names = (exportOp.parameters as OpenAPIV3.ParameterObject[]).map((p) => [p.name, p.required]);
    expect(names).toEqual([['by', true], ['id', true], ['from', true], ['to', true], ['format', true]]);
    const file = exportOp.responses['200'] as OpenAPIV3.ResponseObject;
    expect(Object.keys(file.content!)).toEqual(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const search = doc.paths['/slots/search']!.post!.requestBody as OpenAPIV3.RequestBodyObject;
    expect((search.content['application/json']!.schema as OpenAPIV3.SchemaObject).properties!.nearest).toEqual({ default: true, type: 'boolean' });
  });
});
