// A React 18 page: the @lit/react wrappers, with the onNewsSelect event prop.
import { NewsList } from 'newsroom-elements/react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { version } from 'react';
import list from '../fixtures/list.json';

function App() {
  const [selected, setSelected] = useState('');
  return (
    <main data-react={version}>
      <NewsList
        data={list}
        onNewsSelect={(event) => {
          event.preventDefault();
          setSelected(event.detail.item.id);
        }}
      />
      <p id="selected">{selected}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
