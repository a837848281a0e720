-- Podwise in Neovim (built-in LSP client, no plugins): start `podwise-language-server --stdio` for
-- YAML buffers, one server per project (the folder holding .podwise.yaml, else .git, else the file's).
-- Neovim 0.8+ uses vim.lsp.start (which reuses a running server); 0.7 uses vim.lsp.start_client.
local function podwise_root(bufnr)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h')
  local config = vim.fn.findfile('.podwise.yaml', dir .. ';')
  if config ~= '' then return vim.fn.fnamemodify(config, ':p:h') end
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then return vim.fn.fnamemodify(git, ':p:h:h') end
  return dir
end

local podwise_clients = {} -- root folder -> client id (Neovim 0.7)

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'yaml',
  callback = function(args)
    local config = {
      name = 'podwise',
      cmd = { 'podwise-language-server', '--stdio' },
      root_dir = podwise_root(args.buf),
      -- The same keys as the VS Code settings (a .podwise.yaml in the project overrides them).
      -- For example: rules = { ['image-latest-tag'] = 'off' }.
      settings = { podwise = { kubernetesVersion = '1.36' } },
    }
    vim.bo[args.buf].omnifunc = 'v:lua.vim.lsp.omnifunc' -- completion with <C-x><C-o>
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
    else
      local id = podwise_clients[config.root_dir] or vim.lsp.start_client(config)
      podwise_clients[config.root_dir] = id
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
