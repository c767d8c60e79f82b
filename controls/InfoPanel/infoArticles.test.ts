import { COLUMNS, TABLES } from '@eer/contract';
import { createWebApiMock } from '../shared/test/contextMock';
import { articlesQuery, infoArticles } from './infoArticles';

const C = COLUMNS.infoArticle;

describe('infoArticles over webAPI', () => {
  const webAPI = createWebApiMock({
    tables: {
      [TABLES.infoArticle]: [
        { [C.name]: 'Симптомы COVID-19', [C.topic]: 1, [C.text]: 'Оставайтесь дома', [C.minAge]: 0, [C.maxAge]: 150, [C.isActive]: true },
        { [C.name]: 'Старая памятка', [C.topic]: 1, [C.text]: 'Неактуально', [C.minAge]: null, [C.maxAge]: null, [C.isActive]: false },
        { [C.name]: 'Диспансеризация с 18 до 39 лет', [C.topic]: 7, [C.text]: 'Раз в три года', [C.minAge]: 18, [C.maxAge]: 39, [C.isActive]: true },
        { [C.name]: 'Диспансеризация с 40 лет', [C.topic]: 7, [C.text]: 'Ежегодно', [C.minAge]: 40, [C.maxAge]: null, [C.isActive]: true },
        { [C.name]: 'Профилактический осмотр', [C.topic]: 7, [C.text]: 'Ежегодно с 18', [C.minAge]: 18, [C.maxAge]: null, [C.isActive]: true },
      ],
    },
  });
  const articles = infoArticles(webAPI);

  it('lists the active articles of a topic by title', async () => {
    expect((await articles.list(1, null)).map((a) => a.title)).toEqual(['Симптомы COVID-19']);
  });

  it('keeps the articles whose age range holds the patient age, open bounds included', async () => {
    expect((await articles.list(7, 46)).map((a) => a.title)).toEqual(['Диспансеризация с 40 лет', 'Профилактический осмотр']);
    expect((await articles.list(7, 25)).map((a) => a.title)).toEqual(['Диспансеризация с 18 до 39 лет', 'Профилактический осмотр']);
    expect(await articles.list(7, 10)).toEqual([]);
    expect((await articles.list(7, null)).map((a) => a.maxAge)).toEqual([39, null, null]);
  });

  it('asks with one OData query naming the contract columns', () => {
    expect(articlesQuery(7, 46)).toBe(
      '?$select=eer_name,eer_text,eer_minage,eer_maxage&$filter=eer_topic eq 7 and eer_isactive eq true and (eer_minage eq null or eer_minage le 46) and (eer_maxage eq null or eer_maxage ge 46)&$orderby=eer_name asc',
    );
  });
});
