import { frame } from "./i18n/frame";

/** Skips to the main content without touching the address (the manage page's `#token` lives there). */
export function SkipLink() {
  const jump = (event: Event) => {
    event.preventDefault();
    const main = document.getElementById("main");
    main?.focus();
    main?.scrollIntoView();
  };
  return (
    <a class="skip-link" href="#main" onClick={jump}>
      {frame.value.skipToContent}
    </a>
  );
}
