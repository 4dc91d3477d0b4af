// A React 19 page: the elements used as tags. React 19 sets `data` as a property and listens to
// `news-select` through the `onnews-select` prop.
import type {} from 'newsroom-elements/jsx';
import 'newsroom-elements';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import list from '../fixtures/list.json';

function App() {
  const [selected, setSelected] = useState('');
  return (
    <main>
      <news-list
        data={list}
        onnews-select={(event) => {
          event.preventDefault();
          setSelected(event.detail.item.id);
        }}
      />
      <p id="selected">{selected}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
