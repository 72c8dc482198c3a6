// B16 baseline: React + React DOM and one element, nothing else, built for production.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>Story Prompts</p>);
