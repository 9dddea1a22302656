"""The quotes stage: quotations in a body, whether they are statements, and who said them."""
