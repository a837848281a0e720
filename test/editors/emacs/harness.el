;;; harness.el --- batch Emacs + eglot against podwise-language-server  -*- lexical-binding: t -*-
;; Loads the configuration from docs/editors.md (test/editors/emacs/podwise-eglot.el, path in
;; PODWISE_EMACS_CONFIG), opens E2E_FILE, waits for flymake diagnostics from eglot, asks for the code
;; actions on the diagnostic with code E2E_CODE, applies E2E_ACTION through eglot, waits for the
;; re-check, asks for completions at E2E_COMPLETE_AT ("line,col", 0-based), writes JSON to E2E_OUT.
;; Run: emacs --batch -Q --eval '(load-path for elpa eglot)' -l harness.el   (see test/editors/run-emacs.sh)
(require 'json)
(require 'cl-lib)
(load (getenv "PODWISE_EMACS_CONFIG") nil t)
(setq eglot-sync-connect t eglot-connect-timeout 30 eglot-autoshutdown nil)

(defvar podwise-e2e-publishes 0)
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &rest _)
  (cl-incf podwise-e2e-publishes))

(defun podwise-e2e-wait (pred timeout)
  "Process events until PRED is non-nil or TIMEOUT seconds pass; return PRED's value."
  (let ((t0 (float-time)) v)
    (while (and (not (setq v (funcall pred))) (< (- (float-time) t0) timeout))
      (accept-process-output nil 0.05))
    v))

(defun podwise-e2e-diags ()
  (flymake-start)
  (flymake-diagnostics))

(defun podwise-e2e-lsp (d) (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)))
(defun podwise-e2e-code (d) (plist-get (podwise-e2e-lsp d) :code))

(defun podwise-e2e-describe (d)
  (let ((beg (flymake-diagnostic-beg d)))
    `((line . ,(1- (line-number-at-pos beg)))
      (col . ,(save-excursion (goto-char beg) (current-column)))
      (type . ,(symbol-name (flymake-diagnostic-type d)))
      (code . ,(podwise-e2e-code d))
      (text . ,(flymake-diagnostic-text d)))))

(let* ((file (expand-file-name (getenv "E2E_FILE")))
       (out (getenv "E2E_OUT"))
       (want (or (getenv "E2E_CODE") ""))
       (action-title (or (getenv "E2E_ACTION") ""))
       (timeout (string-to-number (or (getenv "E2E_TIMEOUT") "20")))
       (result '()) server found)
  (condition-case err
      (progn
        (find-file file)
        ;; eglot-ensure runs from the mode hook; in batch mode start it now and wait
        (unless (eglot-current-server) (apply #'eglot--connect (eglot--guess-contact)))
        (setq server (eglot-current-server))
        (push `(major_mode . ,(symbol-name major-mode)) result)
        (push `(language_id . ,(eglot--language-id server)) result)
        (setq found (podwise-e2e-wait
                     (lambda () (and (> podwise-e2e-publishes 0)
                                     (let ((ds (podwise-e2e-diags)))
                                       (if (string= want "") t
                                         (cl-find want ds :key #'podwise-e2e-code :test #'equal)))))
                     timeout))
        (push `(publishes . ,podwise-e2e-publishes) result)
        (push `(diagnostics . ,(vconcat (mapcar #'podwise-e2e-describe (podwise-e2e-diags)))) result)
        (unless found (error "no diagnostics%s within %ss" (if (string= want "") "" (concat " with code " want)) timeout))
        (unless (string= want "")
          (let* ((lsp-diag (podwise-e2e-lsp found))
                 (actions (jsonrpc-request server :textDocument/codeAction
                                           (list :textDocument (eglot--TextDocumentIdentifier)
                                                 :range (plist-get lsp-diag :range)
                                                 :context (list :diagnostics (vector lsp-diag)))))
                 (chosen (cl-find action-title actions :key (lambda (a) (plist-get a :title)) :test #'equal)))
            (push `(code_actions . ,(vconcat (mapcar (lambda (a) (plist-get a :title)) actions))) result)
            (when (and chosen (plist-get chosen :edit))
              (let ((before podwise-e2e-publishes))
                (eglot--apply-workspace-edit (plist-get chosen :edit))
                ;; an interactive Emacs sends didChange from an idle timer; batch Emacs is never idle
                (eglot--signal-textDocument/didChange)
                (push `(applied . ,action-title) result)
                (push `(line_after . ,(save-excursion
                                        (goto-char (flymake-diagnostic-beg found))
                                        (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
                      result)
                (push `(fixed . ,(if (podwise-e2e-wait
                                      (lambda () (and (> podwise-e2e-publishes before)
                                                      (not (cl-find want (podwise-e2e-diags) :key #'podwise-e2e-code :test #'equal))))
                                      timeout)
                                     t :json-false))
                      result)
                (push `(publishes_after . ,podwise-e2e-publishes) result)
                (push `(diagnostics_after . ,(vconcat (mapcar #'podwise-e2e-describe (podwise-e2e-diags)))) result)))))
        (let ((at (getenv "E2E_COMPLETE_AT")))
          (when (and at (string-match "\\([0-9]+\\),\\([0-9]+\\)" at))
            (let* ((resp (jsonrpc-request server :textDocument/completion
                                          (list :textDocument (eglot--TextDocumentIdentifier)
                                                :position (list :line (string-to-number (match-string 1 at))
                                                                :character (string-to-number (match-string 2 at))))))
                   (items (if (vectorp resp) resp (plist-get resp :items))))
              (push `(completions . ,(vconcat (mapcar (lambda (i) (plist-get i :label)) items))) result)))))
    (error (push `(error . ,(error-message-string err)) result)))
  (with-temp-file out (insert (json-encode result)))
  (kill-emacs 0))
