from_tfvars = ["x", "y"]
