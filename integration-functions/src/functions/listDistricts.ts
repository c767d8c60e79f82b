import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';

export const listDistricts = defineRoute('listDistricts', async () => mis().listDistricts());
