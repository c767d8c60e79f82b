import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy*/waitFor wait on a condition, never a fixed time; on a loaded 2-core CI machine a render can take seconds.
configure({ asyncUtilTimeout: 10000 });
