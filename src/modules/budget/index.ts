export { budgetRoutes } from './routes.js';
export { seedBudgetDemo } from './demo.js';
export { loadBudget, loadCredits } from './service.js';
export { exportBudget, buildBudgetDocument } from './exports.js';
export { convertBudget } from './convert.js';
