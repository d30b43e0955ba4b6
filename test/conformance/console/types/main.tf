variable "vm" {
  type = object({
    name   = string
    cpus   = optional(number, 2)
    memory = optional(number)
    tags   = optional(map(string), {})
    disks = optional(list(object({
      size = number
      kind = optional(string, "qcow2")
    })), [])
  })
  default = {
    name  = "web"
    disks = [{ size = 10 }, { size = 20, kind = "raw" }]
  }
}

variable "ports" {
  type    = list(number)
  default = ["80", 443]
}

variable "flags" {
  type    = set(string)
  default = ["b", "a", "b"]
}

variable "pair" {
  type    = tuple([string, number, bool])
  default = ["x", "5", "true"]
}

variable "anything" {
  type    = any
  default = { a = [1, 2] }
}

variable "nums_map" {
  type    = map(number)
  default = { a = "1", b = 2 }
}

variable "from_tfvars" {
  type = list(string)
}

variable "nullable_default" {
  type     = string
  default  = "d"
  nullable = false
}

locals {
  mixed = [1, "a"]
}
