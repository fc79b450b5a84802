export { budgetRoutes } from './routes.js';
export { seedBudgetDemo } from './demo.js';
export { loadBudget } from './service.js';
export { exportBudget, buildBudgetDocument } from './exports.js';
export { convertBudget } from './convert.js';
