// A React 18 (or 19) app that uses the @lit/react wrappers: typed props and onNewsSelect-style events.
import { MessageForm, NewsList, NewsProvider } from 'newsroom-elements/react';

export function NewsPage({ onOpen }: { onOpen: (id: string) => void }) {
  return (
    <NewsProvider base="/content/">
      <NewsList
        src="news.json"
        page={2}
        layout="compact"
        onNewsSelect={(event) => {
          event.preventDefault();
          onOpen(event.detail.item.id);
        }}
      />
      <MessageForm action="/api/messages" onMessageFailed={(event) => console.log(event.detail.error)} />
    </NewsProvider>
  );
}
