import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { legalPath } from "../../common/legal/links";
import type { Block, Inline, LegalPage, Section } from "../../common/legal/types";
import { legalDocs, legalKey, loadLegal } from "./legal";
import { t } from "./i18n/flow";
import { locale } from "./locale";
import { office } from "./office";

/**
 * One of the office's legal documents in place, in the page's language: the same text as its own page
 * (/datenschutz …), loaded when first shown. Sections start at heading `level`. `links: false` shows
 * addresses as text (the kiosk: nobody should leave the tablet's screen).
 */
export function LegalNotice({ page, level, links = true }: { page: LegalPage; level: 2 | 3; links?: boolean }) {
  const lang = locale.value;
  const slug = office.value?.slug;
  useEffect(() => {
    if (slug) void loadLegal(page, lang, slug);
  }, [page, lang, slug]);
  const s = t.value;
  if (!slug) return null;
  const state = legalDocs.value[legalKey(page, lang, slug)];
  if (!state || state.phase === "loading") return <p role="status">{s.legalLoading}</p>;
  if (state.phase === "failed") {
    return (
      <div role="alert">
        <p>{s.legalFailed}</p>
        <button type="button" onClick={() => void loadLegal(page, lang, slug)}>
          {s.legalRetry}
        </button>
        {links && (
          <p>
            <a href={legalPath(page, { lang, office: slug })}>{s.legalOwnPage}</a>
          </p>
        )}
      </div>
    );
  }
  const { doc } = state;
  return (
    <div class="legal-notice">
      {doc.lead.map((b, i) => (
        <BlockView key={i} block={b} links={links} />
      ))}
      {doc.sections.map((sec) => (
        <SectionView key={sec.id} section={sec} level={level} links={links} />
      ))}
    </div>
  );
}

function SectionView({ section, level, links }: { section: Section; level: number; links: boolean }) {
  return (
    <section aria-labelledby={`legal-${section.id}`}>
      <Heading level={level} id={`legal-${section.id}`}>
        {section.heading}
      </Heading>
      {section.blocks.map((b, i) => (
        <BlockView key={i} block={b} links={links} />
      ))}
      {section.sections?.map((sub) => (
        <SectionView key={sub.id} section={sub} level={level + 1} links={links} />
      ))}
    </section>
  );
}

function Heading({ level, id, children }: { level: number; id: string; children: ComponentChildren }) {
  if (level <= 2) return <h2 id={id}>{children}</h2>;
  if (level === 3) return <h3 id={id}>{children}</h3>;
  return <h4 id={id}>{children}</h4>;
}

function BlockView({ block, links }: { block: Block; links: boolean }) {
  switch (block.kind) {
    case "p":
      return <p>{block.parts.map((part, i) => <InlineView key={i} part={part} links={links} />)}</p>;
    case "lines":
      return (
        <p>
          {block.lines.map((line, i) => (
            <span key={i}>
              {i > 0 && <br />}
              {line.map((part, j) => (
                <InlineView key={j} part={part} links={links} />
              ))}
            </span>
          ))}
        </p>
      );
    case "list":
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>
              {item.map((part, j) => (
                <InlineView key={j} part={part} links={links} />
              ))}
            </li>
          ))}
        </ul>
      );
  }
}

function InlineView({ part, links }: { part: Inline; links: boolean }) {
  if (typeof part === "string") return <>{part}</>;
  return links ? <a href={part.href}>{part.text}</a> : <>{part.text}</>;
}
