#!/usr/bin/env node
// The nssv Terraform provider (plugin protocol 6). Terraform runs it; `nssv provider install`
// puts a launcher for it in a filesystem mirror. Built by `npm run build` (dist/tfplugin/).
import '../dist/tfplugin/launch.cjs';
