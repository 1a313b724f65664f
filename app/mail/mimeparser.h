#pragma once
// Placeholder: the MIME layer is being written (GMime 3).
