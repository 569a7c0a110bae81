import { createApp } from 'vue';
import App from './App.vue';
import { router } from './lib/router';
import './styles.css';

const app = createApp(App).use(router);
// The first view is read from the address before anything renders.
void router.isReady().then(() => app.mount('#app'));
