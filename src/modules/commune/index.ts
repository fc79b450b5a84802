export { communeRoutes } from './routes.js';
export { seedCommuneDemo, DEMO_PASSWORD, DEMO_USERS } from './demo.js';
export { readCommune } from './service.js';
export { localiteNames, nomMaire } from './store.js';
