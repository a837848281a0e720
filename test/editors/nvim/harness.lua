-- Headless Neovim harness for test/integration/nvim.test.mjs. Loads the user configuration from
-- docs/editors.md (test/editors/nvim/podwise.lua, path in PODWISE_NVIM_CONFIG), opens the file given on
-- the command line, and drives the built-in LSP client like a user: wait for diagnostics, ask for the
-- code actions on one diagnostic, apply one, wait for the re-check, ask for completions and a hover.
-- Writes a JSON report to E2E_OUT and quits (exit code 0; the test judges the report).
-- Env: PODWISE_NVIM_CONFIG, E2E_OUT, E2E_TIMEOUT_MS (default 20000),
--      E2E_CODE (diagnostic code to act on; empty: expect a clean file), E2E_ACTION (title to apply),
--      E2E_COMPLETE_AT / E2E_HOVER_AT ("line,col", 0-based).
vim.o.swapfile = false
vim.o.shadafile = 'NONE'
dofile(assert(os.getenv('PODWISE_NVIM_CONFIG'), 'PODWISE_NVIM_CONFIG not set'))

local out = assert(os.getenv('E2E_OUT'), 'E2E_OUT not set')
local timeout = tonumber(os.getenv('E2E_TIMEOUT_MS') or '20000')
local want_code = os.getenv('E2E_CODE') or ''
local want_action = os.getenv('E2E_ACTION') or ''

-- Count publications per URI, so a clean file can be told apart from "not answered yet".
local published = {}
local orig_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and result.uri then published[result.uri] = (published[result.uri] or 0) + 1 end
  return orig_publish(err, result, ctx, config)
end

local function code_of(d)
  if d.code ~= nil then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local function simplify(diags)
  local list = {}
  for _, d in ipairs(diags) do
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = code_of(d) })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

local function find(diags, code)
  for _, d in ipairs(diags) do if code_of(d) == code then return d end end
end

local function at(var)
  local v = os.getenv(var)
  if not v or v == '' then return nil end
  local l, c = v:match('(%d+),(%d+)')
  return { line = tonumber(l), character = tonumber(c) }
end

local function finish(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop(true) end
  vim.cmd('qall!')
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local result = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) }
    local ok, err = pcall(function()
      local buf = vim.api.nvim_get_current_buf()
      local uri = vim.uri_from_bufnr(buf)
      result.filetype = vim.bo[buf].filetype
      local t0 = vim.loop.hrtime()
      local got = vim.wait(timeout, function()
        if (published[uri] or 0) == 0 then return false end
        return want_code == '' or find(vim.diagnostic.get(buf), want_code) ~= nil
      end, 50)
      result.waited_ms = math.floor((vim.loop.hrtime() - t0) / 1e6)
      result.publishes = published[uri] or 0
      result.diagnostics = simplify(vim.diagnostic.get(buf))
      local client = vim.lsp.get_active_clients()[1]
      result.clients = #vim.lsp.get_active_clients()
      if not got or not client then
        result.error = 'no diagnostics' .. (want_code ~= '' and (' with code ' .. want_code) or '') .. ' within ' .. timeout .. ' ms'
        return
      end
      result.client_name = client.name
      result.root_dir = client.config.root_dir
      local caps = client.server_capabilities or {}
      result.capabilities = {
        codeAction = caps.codeActionProvider ~= nil,
        completion = caps.completionProvider ~= nil,
        hover = caps.hoverProvider ~= nil and caps.hoverProvider ~= false,
      }

      if want_code ~= '' then
        local d = find(vim.diagnostic.get(buf), want_code)
        -- as vim.lsp.buf.code_action() sends it: position/message from the diagnostic, the rest (data,
        -- codeDescription) from the LSP original Neovim keeps in user_data.lsp
        local lsp_diag = vim.tbl_extend('keep', {
          range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
          message = d.message, severity = d.severity, source = d.source, code = code_of(d),
        }, (d.user_data and d.user_data.lsp) or {})
        local resp = client.request_sync('textDocument/codeAction', {
          textDocument = { uri = uri }, range = lsp_diag.range, context = { diagnostics = { lsp_diag } },
        }, 10000, buf)
        local actions = (resp and resp.result) or {}
        if resp and resp.err then result.code_action_error = resp.err.message end
        result.code_actions = vim.tbl_map(function(a) return a.title end, actions)
        if want_action ~= '' then
          local chosen
          for _, a in ipairs(actions) do if a.title == want_action then chosen = a end end
          if chosen and chosen.edit then
            vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
            result.applied = want_action
            result.line_after = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
            local before = published[uri]
            local gone = vim.wait(timeout, function()
              return published[uri] > before and find(vim.diagnostic.get(buf), want_code) == nil
            end, 50)
            result.fixed = gone
            result.diagnostics_after = simplify(vim.diagnostic.get(buf))
          end
        end
      end

      local pos = at('E2E_COMPLETE_AT')
      if pos then
        local resp = client.request_sync('textDocument/completion', { textDocument = { uri = uri }, position = pos }, 10000, buf)
        local items = resp and resp.result and (resp.result.items or resp.result) or {}
        result.completions = vim.tbl_map(function(i) return i.label end, items)
        result.completion_error = resp and resp.err and resp.err.message or nil
      end
      local hpos = at('E2E_HOVER_AT')
      if hpos then
        local resp = client.request_sync('textDocument/hover', { textDocument = { uri = uri }, position = hpos }, 10000, buf)
        local contents = resp and resp.result and resp.result.contents
        if type(contents) == 'table' then contents = contents.value or vim.fn.json_encode(contents) end
        result.hover = contents
      end
    end)
    if not ok then result.error = tostring(err) end
    finish(result)
  end,
})
