locals {
  list  = ["b", "a", "c", "a"]
  nums  = [5, 1, 4]
  m     = { a = 1, b = 2 }
  m2    = { b = 3, c = 4 }
  net   = "10.1.0.0/16"
  json  = "{\"name\":\"vm\",\"cpus\":2,\"tags\":[\"a\",\"b\"],\"on\":true,\"x\":null}"
  yaml  = "name: vm\ncpus: 2\ntags:\n  - a\n  - b\n"
}
