export { depensesRoutes } from './routes.js';
export { seedDepensesDemo } from './demo.js';
export { exportBordereau, exportMandat } from './telechargements.js';
