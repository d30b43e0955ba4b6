variable "name" {
  default = "web"
}

variable "count_n" {
  type    = number
  default = 3
}

variable "secret" {
  type      = string
  default   = "hunter2"
  sensitive = true
}

variable "tags" {
  type = map(string)
  default = {
    env  = "prod"
    team = "infra"
  }
}

locals {
  nums    = [1, 2, 3, 4, 5]
  words   = ["alpha", "beta", "gamma"]
  people  = [{ name = "ann", age = 31 }, { name = "bob", age = 25 }, { name = "cy", age = 31 }]
  obj     = { a = 1, b = "two", c = [3], d = { e = true } }
  nested  = { x = { y = { z = "deep" } } }
  empty   = []
  nothing = null
  heredoc = <<EOT
hello
  world
EOT
  flush = <<-EOT
    line one
      line two

    line three
    EOT
  tmpl_for = <<-EOT
    %{ for w in ["a", "b"] ~}
    item ${w}
    %{ endfor ~}
    done
  EOT
  tmpl_if = "%{ if var.name == "web" }yes%{ else }no%{ endif }"
  strip   = "a %{ for x in [1, 2] ~} ${x} %{~ endfor } b"
  quoted  = "tab\there \"quoted\" back\\slash $${literal} %%{literal}"
  unicode = "héllo wörld ✓"
  big     = 123456789012345678901234567890
  frac    = 0.1
  neg     = -7
}
