;;; Podwise in Emacs with eglot (built into Emacs 29+; Emacs 28: M-x package-install RET eglot, or Debian's elpa-eglot).
(require 'eglot)
;; Any YAML major mode works: yaml-ts-mode (Emacs 29+), yaml-mode (MELPA), or this minimal fallback.
(unless (or (fboundp 'yaml-mode) (fboundp 'yaml-ts-mode))
  (define-derived-mode yaml-mode text-mode "YAML")
  (add-to-list 'auto-mode-alist '("\\.ya?ml\\'" . yaml-mode)))
;; Podwise checks documents whose language id is "yaml" (yaml-ts-mode would otherwise send "yaml-ts").
(add-to-list 'eglot-server-programs
             '(((yaml-mode :language-id "yaml") (yaml-ts-mode :language-id "yaml"))
               . ("podwise-language-server" "--stdio")))
;; The same keys as the VS Code settings; a .podwise.yaml in the project overrides them.
(setq-default eglot-workspace-configuration
              '(:podwise (:kubernetesVersion "1.36")))
(add-hook 'yaml-mode-hook #'eglot-ensure)
(add-hook 'yaml-ts-mode-hook #'eglot-ensure)
