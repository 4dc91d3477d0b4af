// A React 19 app that uses the elements as tags: one import brings their JSX types.
import type {} from 'newsroom-elements/jsx';
import 'newsroom-elements';

export function NewsPage({ onOpen }: { onOpen: (id: string) => void }) {
  return (
    <news-provider base="/content/" locale="en" article-href="/article.html?id={id}">
      <site-nav src="site.json" variant="breadcrumb" />
      <news-list
        src="news.json"
        page={2}
        pageSize={10}
        layout="cards"
        onnews-select={(event) => {
          event.preventDefault();
          onOpen(event.detail.item.id);
        }}
      />
      <message-form action="/api/messages" fields="name,email,message" onmessage-sent={(event) => console.log(event.detail.status)} />
    </news-provider>
  );
}
