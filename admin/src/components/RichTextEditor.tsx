import { useEffect, useRef } from 'react';
import ReactQuill from 'react-quill-new';
import 'react-quill-new/dist/quill.snow.css';

interface Props {
  id?: string;
  value?: string;
  onChange?: (html: string) => void;
  placeholder?: string;
  /** Accessible name of the editing area (the Form.Item label). */
  ariaLabel?: string;
}

const MODULES = {
  toolbar: [
    [{ header: [2, 3, false] }],
    ['bold', 'italic', 'underline', 'strike'],
    [{ list: 'ordered' }, { list: 'bullet' }],
    ['blockquote', 'link'],
    ['clean'],
  ],
};

// No alignment/colour/size: Quill expresses those as classes or inline styles, which the server's
// HTML sanitiser removes.
const FORMATS = ['header', 'bold', 'italic', 'underline', 'strike', 'list', 'blockquote', 'link'];

/**
 * Quill 2 (react-quill-new) rich-text editor. Emits semantic HTML (real <ul>/<ol>), which the server
 * sanitises; an emptied editor yields ''. The container carries `data-testid="article-body-editor"`
 * and the editing area is a labelled textbox, so browser tests can reach it.
 */
export function RichTextEditor({ id, value, onChange, placeholder, ariaLabel }: Props) {
  const quillRef = useRef<ReactQuill>(null);

  useEffect(() => {
    const root = quillRef.current?.getEditor().root;
    if (!root) return;
    root.setAttribute('role', 'textbox');
    root.setAttribute('aria-multiline', 'true');
    if (ariaLabel) root.setAttribute('aria-label', ariaLabel);
  }, [ariaLabel]);

  return (
    <div id={id} data-testid="article-body-editor" className="xq-rich-text">
      <ReactQuill
        ref={quillRef}
        theme="snow"
        value={value ?? ''}
        modules={MODULES}
        formats={FORMATS}
        placeholder={placeholder}
        onChange={(html, _delta, _source, editor) => onChange?.(editor.getText().trim() ? html : '')}
      />
    </div>
  );
}
